#!/bin/sh -e
<#list files as f>
install -D -m ${f.permissions} -o ${f.user}<#if f.group??> -g ${f.group}</#if> ${f.staged} ${esc.sh(f.path)} && rm -f ${f.staged}
</#list>
