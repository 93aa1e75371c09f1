<#import "/packer/include/user-setup.ftl" as installer>
# Kickstart for the Packer build of image ${image}, written by labforge.
text
lang en_US.UTF-8
keyboard us
timezone UTC --utc
network --bootproto=dhcp --activate --hostname=${image}
rootpw --lock
<#if user.hasPassword()>
user --name=${user.name()} --groups=wheel --iscrypted --password=${esc.kickstart(user.passwordHash())}
<#else>
user --name=${user.name()} --groups=wheel --lock
</#if>
bootloader --location=mbr
zerombr
clearpart --all --initlabel
autopart
firstboot --disabled
%packages
@core
openssh-server
sudo
cloud-init
%end
%post --erroronfail
<#list installer.userSetup(user) as line>
${line}
</#list>
%end
reboot
