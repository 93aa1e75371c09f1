instance-id: ${esc.yaml("packer-" + image)}
local-hostname: ${esc.yaml(image)}
