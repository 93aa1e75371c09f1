<#-- Shell lines each installer runs as root at its end, inside the installed system: the build
     user's passwordless sudo (Packer's provisioners use it) and its SSH keys, each key one shell word. -->
<#function userSetup user>
<#local home = "/home/" + user.name()>
<#local lines = ["echo " + esc.sh(user.sudoersLine()) + " > /etc/sudoers.d/" + user.name(),
    "chmod 0440 /etc/sudoers.d/" + user.name()]>
<#if user.sshAuthorizedKeys()?has_content>
<#local keys = "printf '%s\\n'">
<#list user.sshAuthorizedKeys() as k>
<#local keys = keys + " " + esc.sh(k)>
</#list>
<#local lines = lines + ["mkdir -p " + home + "/.ssh", keys + " > " + home + "/.ssh/authorized_keys",
    "chmod 0700 " + home + "/.ssh", "chmod 0600 " + home + "/.ssh/authorized_keys",
    "chown -R " + user.name() + ": " + home + "/.ssh"]>
</#if>
<#return lines>
</#function>
