#!/bin/sh
# Packs the Compose Specification's JSON schema as schemas/docker/compose.schema.json, pinned to one
# commit of github.com/compose-spec/compose-spec (schema/compose-spec.json). Three edits, no more:
# the dialect and $id labforge's validator and ConventionTest expect (the schema uses nothing of
# draft-07 that 2020-12 reads differently: no "dependencies", no array-form "items"), and a
# description on the two properties that have none (ConventionTest wants every property described).
#   scripts/compose-schema.sh <compose-spec git dir> > schemas/docker/compose.schema.json
set -eu
COMMIT=170098ba07d9f53c383a41bfd4c5166b0a4529a6
git -C "$1" show "$COMMIT:schema/compose-spec.json" | sed \
  -e '2s|"https://json-schema.org/draft-07/schema"|"https://json-schema.org/draft/2020-12/schema"|' \
  -e '3s|"compose_spec.json"|"https://labforge.dev/schemas/docker/compose.schema.json"|' \
  -e "3a\\
  \"\$comment\": \"The Compose Specification's schema at compose-spec/compose-spec@$COMMIT, packed by scripts/compose-schema.sh (dialect, \$id and two descriptions changed).\"," \
  -e 's|"attach": {"type": \["boolean", "string"\]},|"attach": {"description": "Whether Compose attaches to the service'"'"'s output (v2 only).", "type": ["boolean", "string"]},|' \
  -e '/"context_size": {/a\
          "description": "The context size of the model (Compose models).",'
