blk "x" {}
blk {}
