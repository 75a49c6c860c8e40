# syntax=docker/dockerfile:1
# One image per process in infra/services.tsv, all from this file: infra/images.sh passes the row's project directory
# and assembly (docker compose does the same from its generated build args). Multi-stage: the SDK image restores and
# publishes; the runtime image holds only the published output and runs as the non-root "app" user (UID 1654).
# Nothing is written below /app at run time, so the container runs with a read-only root filesystem (give it a
# writable /tmp: Kubernetes mounts an emptyDir, compose a tmpfs).
# Base tags are pinned to a patch release; bump them deliberately (and rebuild) for security fixes.
ARG DOTNET_SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.100-noble
ARG DOTNET_RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.0-noble

FROM ${DOTNET_SDK_IMAGE} AS build
ARG PROJECT_DIR
ARG ASSEMBLY
RUN test -n "$PROJECT_DIR" && test -n "$ASSEMBLY" || { echo "build args PROJECT_DIR and ASSEMBLY are required (infra/images.sh sets them)" >&2; exit 1; }
WORKDIR /src
# Restore first, from the build files only, so the package layer is reused until a project file changes.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props ./
COPY contracts/ contracts/
COPY services/ services/
COPY gateway/ gateway/
RUN dotnet restore "$PROJECT_DIR/$ASSEMBLY.csproj"
RUN dotnet publish "$PROJECT_DIR/$ASSEMBLY.csproj" -c Release --no-restore -o /app -p:UseAppHost=false

FROM ${DOTNET_RUNTIME_IMAGE} AS runtime
ARG ASSEMBLY
WORKDIR /app
COPY --from=build --chown=root:root /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    WAAS_ASSEMBLY=$ASSEMBLY
EXPOSE 8080
USER 1654
# exec: dotnet becomes PID 1 and receives SIGTERM itself (graceful shutdown drains the consumers).
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet /app/$WAAS_ASSEMBLY.dll"]
