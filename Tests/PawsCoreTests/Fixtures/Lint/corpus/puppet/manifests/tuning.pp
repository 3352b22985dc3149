# Network tuning for the database tier.
class profile::db::tuning {
  sysctl { 'net.ipv4.tcp_tw_recycle':
    ensure => present,
    value  => '1',
  }

  sysctl::value { 'net.ipv4.tcp_timestamps': value => 0 }

  sysctl { 'tw':
    name  => 'net.ipv4.tcp_tw_recycle',
    value => 'true',
  }

  # sysctl { 'net.ipv4.tcp_tw_recycle': value => '1' }
  /* sysctl::value { 'net.ipv4.tcp_timestamps': value => 0 } */

  sysctl { 'net.ipv4.tcp_tw_reuse': value => '1' }

  exec { 'enable tw_recycle now':
    command => '/sbin/sysctl -w net.ipv4.tcp_tw_recycle=1',
    unless  => '/bin/grep -q 1 /proc/sys/net/ipv4/tcp_tw_recycle',
  }

  augeas { 'sysctl-tw':
    context => '/files/etc/sysctl.conf',
    changes => ['set net.ipv4.tcp_tw_recycle 1'],
  }

  file_line { 'timestamps':
    path => '/etc/sysctl.conf',
    line => 'net.ipv4.tcp_timestamps = 0',
  }

  $settings = {
    'net.ipv4.tcp_tw_recycle' => '1',
    'net.ipv4.tcp_fin_timeout' => '15',
  }
}
