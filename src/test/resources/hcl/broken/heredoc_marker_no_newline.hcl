a = <<EOT
line
EOT