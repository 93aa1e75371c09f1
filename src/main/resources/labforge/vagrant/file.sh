mkdir -p -- "$(dirname -- "$path")"
umask 077
printf %s "$content_b64" | base64 -d > "$path"
chown -- "$owner" "$path"
chmod -- "$mode" "$path"
