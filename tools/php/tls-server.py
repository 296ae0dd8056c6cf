"""A TLS "Sofinco" on loopback for the tests: answers /token with a token, anything else
with 404. Prints its port, then serves until killed. Usage: tls-server.py CERT KEY"""
import http.server
import json
import ssl
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == "/token":
            body = json.dumps({"access_token": "tls-token", "token_type": "Bearer", "expires_in": 1200}).encode()
            self.send_response(200)
        else:
            body = b'{"code":"NOT_FOUND","shortlib":"no such route"}'
            self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
