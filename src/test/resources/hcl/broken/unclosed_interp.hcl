a = "${var.x"
