if [ "$manager" = apt ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  printf %s "$packages" | xargs apt-get install -y -q -o Dpkg::Options::=--force-confold
else
  printf %s "$packages" | xargs dnf install -y
fi
