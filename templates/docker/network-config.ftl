# labforge: network of machine ${machine} in Docker. Docker gives the container its addresses
# (compose.yaml) before systemd starts; cloud-init must not configure them again.
network:
  config: disabled
