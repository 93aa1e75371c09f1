plain = <<EOT
line one
  indented ${var.x}
$${literal} %%{literal}
EOT

flush = <<-EOT
    four
      six
    ${var.y} four
  EOT

flush_blank = <<-EOT
      a

      b
    EOT

empty = <<EOT
EOT

marker_inside = <<EOF
EOFX
 EOF-not
EOF

in_call = upper(<<EOT
hi
EOT
)

list = [<<EOT
a
EOT
, "b"]
