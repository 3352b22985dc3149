resource "aws_instance" "db" {
  ami           = "ami-123"
  instance_type = "m5.large"
  # user_data = "sysctl -w net.ipv4.tcp_tw_recycle=1"
  user_data = <<-EOF
    #!/bin/bash
    sysctl -w net.ipv4.tcp_tw_recycle=1
    # sysctl -w net.ipv4.tcp_timestamps=0
  EOF
}

resource "aws_instance" "web" {
  ami       = "ami-456"
  user_data = "#!/bin/sh\necho 1 > /proc/sys/net/ipv4/tcp_tw_recycle\n"
}

resource "aws_launch_template" "nodes" {
  // user_data = base64encode("sysctl -w net.ipv4.tcp_tw_recycle=1")
  user_data = base64encode(<<EOT
#cloud-config
runcmd:
  - [sysctl, -w, "net.ipv4.tcp_tw_recycle=1"]
write_files:
  - path: /etc/sysctl.d/10-ts.conf
    content: |
      net.ipv4.tcp_timestamps = 0
EOT
  )
}

/*
resource "aws_instance" "old" {
  user_data = "sysctl -w net.ipv4.tcp_tw_recycle=1"
}
*/

resource "kubernetes_pod" "mysql" {
  spec {
    security_context {
      sysctl {
        name  = "net.ipv4.tcp_tw_recycle"
        value = "1"
      }
      sysctl {
        name  = "net.ipv4.tcp_tw_reuse"
        value = "1"
      }
    }
  }
}

locals {
  sysctls = {
    "net.ipv4.tcp_tw_recycle" = "1"
    "net.ipv4.tcp_fin_timeout" = "15"
  }
}
