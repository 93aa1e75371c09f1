a	=	1
b = <<-EOT
		x
	  y
	EOT
