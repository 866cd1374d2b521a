#!/usr/bin/python3
"""A tiny HTTP/2 server for the http-h2-streams benchmark (Debian python3-h2, asyncio, TLS with ALPN h2).

Every request gets a 200 and one newline-terminated JSON line, and its stream then stays open, like a
Kubernetes watch, until the client resets it or disconnects. It listens on 127.0.0.1 only.
usage: h2-watch-server.py PORT CERT_PEM KEY_PEM
"""
import asyncio
import ssl
import sys

import h2.config
import h2.connection
import h2.events
import h2.settings


class WatchProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        config = h2.config.H2Configuration(client_side=False)
        self.connection = h2.connection.H2Connection(config=config)
        self.connection.local_settings = h2.settings.Settings(
            client=False,
            initial_values={h2.settings.SettingCodes.MAX_CONCURRENT_STREAMS: 5000},
        )
        self.connection.initiate_connection()
        self.transport.write(self.connection.data_to_send())

    def data_received(self, data):
        try:
            events = self.connection.receive_data(data)
        except h2.exceptions.ProtocolError:
            self.transport.close()
            return
        for event in events:
            if isinstance(event, h2.events.RequestReceived):
                self.connection.send_headers(
                    event.stream_id, [(":status", "200"), ("content-type", "application/json")]
                )
                self.connection.send_data(event.stream_id, b'{"type":"BOOKMARK"}\n')
        self.transport.write(self.connection.data_to_send())


def main():
    port, certificate, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    context.set_alpn_protocols(["h2"])
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(WatchProtocol, "127.0.0.1", port, ssl=context))
    print("listening", flush=True)
    loop.run_until_complete(server.serve_forever())


if __name__ == "__main__":
    main()
