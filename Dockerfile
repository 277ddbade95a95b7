# syntax=docker/dockerfile:1
# Build: docker build -t morgue .
# Run:   docker run --rm -p 8080:8080 -v morgue-index:/var/lib/morgue morgue
FROM rust:1.95-slim-bookworm AS builder
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin morgue

FROM debian:bookworm-slim
RUN useradd --system --create-home --home-dir /var/lib/morgue morgue
WORKDIR /app
COPY --from=builder /src/target/release/morgue /usr/local/bin/morgue
COPY config/ /app/config/
# The small sample corpus, so a new container serves something real; the
# index itself is built at first start into the volume, never baked in.
COPY data/samples/ /app/samples/
ENV MORGUE_SERVER__LISTEN=0.0.0.0:8080 \
    MORGUE_INDEX__PATH=/var/lib/morgue/index \
    MORGUE_INGEST__SAMPLE_DIR=/app/samples
USER morgue
VOLUME ["/var/lib/morgue"]
EXPOSE 8080
ENTRYPOINT ["morgue"]
CMD ["--log-format", "json", "serve"]
