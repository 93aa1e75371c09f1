instance-id: ${esc.yaml(instanceId)}
local-hostname: ${esc.yaml(hostname)}
