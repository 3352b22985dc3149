/// A model of one applier's file selection and precedence rules.
public protocol SysctlApplierModel: Sendable {
    var applier: SysctlApplier { get }
    func evaluate(_ configuration: SysctlConfigSet) -> SysctlEvaluation
}

extension SysctlApplier {
    /// The model for this applier with its default settings.
    public var model: any SysctlApplierModel {
        switch self {
        case .procps: return ProcpsSystemModel()
        case .procpsLegacy: return ProcpsSystemModel(legacy: true)
        case .systemd: return SystemdSysctlModel()
        }
    }
}
