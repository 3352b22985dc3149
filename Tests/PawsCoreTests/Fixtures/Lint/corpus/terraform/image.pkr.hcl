build {
  sources = ["source.amazon-ebs.base"]

  provisioner "shell" {
    inline = [
      "sudo sysctl -w net.ipv4.tcp_tw_recycle=1",
      "echo 'net.ipv4.tcp_tw_recycle = 1' | sudo tee -a /etc/sysctl.conf",
      "sudo sysctl -w net.ipv4.tcp_tw_reuse=1",
    ]
  }
}
