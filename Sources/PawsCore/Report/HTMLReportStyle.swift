/// The inline stylesheet and filter script of the HTML report. Everything is inline so the page
/// works as a single attachment: offline, and with scripts blocked (the script only adds filtering).
enum HTMLReportStyle {
    static let css = """
    :root { --critical: #b00020; --high: #d9480f; --medium: #b08800; --low: #1c7ed6; --info: #666;
            --failed: #862e9c; --clean: #2b8a3e; --line: #d0d7de; --muted: #57606a; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto;
           padding: 1.5rem; max-width: 1400px; color: #1f2328; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
    h3 { font-size: 1.05rem; margin: 0; display: inline; }
    h4 { margin: 1rem 0 .4rem; font-size: .95rem; }
    .meta, .muted { color: var(--muted); }
    code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em;
                  overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: .25rem 0 .75rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: #f6f8fa; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.narrow { width: auto; min-width: 24rem; }
    td.nowrap { white-space: nowrap; }
    .cards { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
    .cards li { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; min-width: 6.5rem; }
    .cards b { display: block; font-size: 1.4rem; }
    .badge { display: inline-block; border-radius: 4px; padding: 0 .4rem; color: #fff; font-weight: 600;
             font-size: .8rem; text-transform: uppercase; letter-spacing: .02em; }
    .s-critical { --tone: var(--critical); } .s-high { --tone: var(--high); } .s-medium { --tone: var(--medium); }
    .s-low { --tone: var(--low); } .s-info { --tone: var(--info); } .s-failed { --tone: var(--failed); }
    .s-clean { --tone: var(--clean); }
    .badge { background: var(--tone, #666); }
    .cards li { border-left: 4px solid var(--tone, var(--line)); }
    details.host { border: 1px solid var(--line); border-left: 4px solid var(--tone, var(--line)); border-radius: 6px;
                   padding: .5rem .8rem; margin: .6rem 0; }
    details.host > summary { cursor: pointer; }
    .finding { border-left: 3px solid var(--tone, var(--line)); padding: .2rem .7rem; margin: .5rem 0; }
    .finding p { margin: .25rem 0; }
    input#host-filter { font: inherit; padding: .3rem .5rem; width: 22rem; max-width: 100%; margin-bottom: .5rem; }
    @media print { details.host { break-inside: avoid; } input#host-filter { display: none; } }
    """

    /// Hides host table rows and host details that do not contain the filter text.
    static let filterScript = """
    (function () {
      var input = document.getElementById('host-filter');
      if (!input) { return; }
      input.hidden = false;
      input.addEventListener('input', function () {
        var needle = input.value.toLowerCase();
        document.querySelectorAll('[data-filter]').forEach(function (element) {
          element.hidden = needle !== '' && element.getAttribute('data-filter').toLowerCase().indexOf(needle) < 0;
        });
      });
    })();
    """
}
