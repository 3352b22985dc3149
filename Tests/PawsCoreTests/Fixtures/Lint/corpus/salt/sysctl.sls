{% set recycle = salt['pillar.get']('tw_recycle', 1) %}
net.ipv4.tcp_tw_recycle:
  sysctl.present:
    - value: 1

timestamps-off:
  sysctl.present:
    - name: net.ipv4.tcp_timestamps
    - value: 0

{% if grains['os'] == 'CentOS' %}
tw-reuse:
  sysctl.present:
    - name: net.ipv4.tcp_tw_reuse
    - value: 1
{% endif %}

# net.ipv4.tcp_tw_recycle:
#   sysctl.present:
#     - value: 1

recycle-from-pillar:
  sysctl.present:
    - name: net.ipv4.tcp_tw_recycle
    - value: {{ recycle }}
