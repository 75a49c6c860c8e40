#!/usr/bin/env bash
# Builds one OCI image per process in infra/services.tsv from ./Dockerfile, tagged
# ${WAAS_REGISTRY:-waas}/<name>:${WAAS_IMAGE_TAG:-$(cat infra/image-version)} (the tag k8s/ and docker-compose.yml name).
#
#   infra/images.sh                  build every image (needs a Docker/BuildKit engine, or WAAS_IMAGE_BUILDER=podman)
#   infra/images.sh --push           build and push
#   infra/images.sh --publish-only   no engine: `dotnet publish` every process into .run/publish/<name> exactly as the
#                                    Dockerfile's build stage does (proves the images' contents build)
#   infra/images.sh NAME...          only these processes
set -euo pipefail
WAAS_LOG_TAG=images
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$WAAS_ROOT"

REGISTRY="${WAAS_REGISTRY:-waas}"
TAG="${WAAS_IMAGE_TAG:-$(tr -d '[:space:]' <infra/image-version)}"
BUILDER="${WAAS_IMAGE_BUILDER:-docker}"
push=0 publish_only=0 only=()
for arg in "$@"; do
  case "$arg" in
    --push) push=1 ;;
    --publish-only) publish_only=1 ;;
    -*) die "unknown option $arg (see the header of $0)" ;;
    *) only+=("$arg") ;;
  esac
done

load_services
selected=()
for i in "${!SVC_NAME[@]}"; do
  if ((${#only[@]} == 0)) || printf '%s\n' "${only[@]}" | grep -qxF "${SVC_NAME[$i]}"; then selected+=("$i"); fi
done
((${#selected[@]} > 0)) || die "no process in infra/services.tsv matches: ${only[*]}"

if ((publish_only)); then
  have dotnet || die "the .NET SDK (dotnet) is not on PATH"
  for i in "${selected[@]}"; do
    project="${SVC_DIR[$i]}/${SVC_ASM[$i]}.csproj"
    [[ -f "$project" ]] || die "${SVC_NAME[$i]}: $project does not exist"
    log "dotnet publish ${SVC_NAME[$i]} ($project)"
    dotnet publish "$project" -c Release -o "$WAAS_RUN_DIR/publish/${SVC_NAME[$i]}" -p:UseAppHost=false -nologo -v quiet ||
      die "publishing ${SVC_NAME[$i]} failed"
  done
  log "published ${#selected[@]} processes into $WAAS_RUN_DIR/publish/"
  exit 0
fi

have "$BUILDER" || die "$BUILDER is not installed (set WAAS_IMAGE_BUILDER, or use --publish-only without an engine)"
"$BUILDER" info >/dev/null 2>&1 || die "$BUILDER cannot reach an engine here (no daemon?); --publish-only needs none"
for i in "${selected[@]}"; do
  image="$REGISTRY/${SVC_NAME[$i]}:$TAG"
  log "building $image (${SVC_DIR[$i]})"
  "$BUILDER" build -f Dockerfile -t "$image" \
    --build-arg "PROJECT_DIR=${SVC_DIR[$i]}" --build-arg "ASSEMBLY=${SVC_ASM[$i]}" \
    --label "org.opencontainers.image.title=${SVC_NAME[$i]}" \
    --label "org.opencontainers.image.version=$TAG" \
    --label "org.opencontainers.image.revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)" . ||
    die "building $image failed"
  if ((push)); then
    "$BUILDER" push "$image" || die "pushing $image failed"
  fi
done
log "built ${#selected[@]} images tagged $TAG${push:+ }$( ((push)) && echo '(pushed)')"
