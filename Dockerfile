# The PoolPilot operator image: build with the Swift toolchain, run on a slim base as non-root.
#   docker build -t ghcr.io/poolpilot/poolpilot:0.1.0 .
FROM swift:6.3-noble AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends \
        libcurl4-openssl-dev libyaml-dev libssl-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product poolpilot --static-swift-stdlib \
    && cp .build/release/poolpilot /poolpilot

FROM ubuntu:24.04
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends \
        libcurl4t64 libyaml-0-2 libssl3t64 ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /poolpilot /usr/local/bin/poolpilot
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/poolpilot"]
CMD ["run", "--leader-elect"]
