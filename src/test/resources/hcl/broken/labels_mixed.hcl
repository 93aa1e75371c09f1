blk {}
blk "x" {}
