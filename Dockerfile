# etl serve: the ingestion service (see docker-compose.yml and docs/service.md).
#   docker build -t etl .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Etl.Cli/Etl.Cli.csproj -c Release -o /app

# The ASP.NET Core runtime image (Debian, with ICU, which text normalization needs).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /inbox /archive /quarantine && chown app:app /inbox /archive /quarantine
USER app
EXPOSE 5080
# SIGTERM (docker stop) lets running batches commit or roll back; the process exits within 20 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "etl.dll"]
CMD ["serve", "--inbox", "/inbox", "--urls", "http://0.0.0.0:5080"]
