"""A real SMTP server for tezgah's delivery tests, on aiosmtpd.

Accepted mail is written to a Maildir (SPOOL/new). The recipient's local part picks a behaviour, so
one server covers every case a test needs:
  temp*     -> 451 4.3.0 at RCPT (try again later)
  unknown*  -> 550 5.1.1 user unknown at RCPT (permanent, suppress the address)
  policy*   -> 554 5.7.1 after the message text (permanent, keep the address)
  drop*     -> the connection is closed after the message text, before any reply
  stall*    -> no reply to RCPT for a minute
  anything else is accepted.
Each accepted mail's envelope (MAIL FROM options, sender, recipients) is appended to SPOOL.envelopes
as a line of JSON. With --smtputf8 the server offers SMTPUTF8 (RFC 6531); without it, it accepts
only ASCII commands, as many relays do.
Prints "READY <port>" once it listens.
"""
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys
import time
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class LimitedSMTP(SMTP):
    """Greets at most `limit` sessions at once; any more get 421 and are closed, as relays that
    cap concurrent connections do."""
    active = 0
    limit = None

    async def _handle_client(self):
        if LimitedSMTP.limit is not None and LimitedSMTP.active >= LimitedSMTP.limit:
            await self.push("421 4.7.0 Too many concurrent connections, try again later")
            self.transport.close()
            return
        LimitedSMTP.active += 1
        try:
            await super()._handle_client()
        finally:
            LimitedSMTP.active -= 1


class LimitedController(Controller):
    def factory(self):
        return LimitedSMTP(self.handler, **self.SMTP_kwargs)


class Handler:
    def __init__(self, spool):
        self.spool = spool
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(spool, sub), exist_ok=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("temp"):
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        if local.startswith("unknown"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if local.startswith("stall"):
            await asyncio.sleep(60)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        local = envelope.rcpt_tos[0].split("@")[0].lower() if envelope.rcpt_tos else ""
        if local.startswith("policy"):
            return "554 5.7.1 Message rejected by policy"
        if local.startswith("drop"):
            server.transport.close()
            return "421 4.4.2 closing"
        # The client's port names the session, so a test can tell how many sessions carried the mail.
        peer = session.peer[1] if isinstance(session.peer, tuple) else 0
        name = "%d.%s.P%d.tezgah-test" % (time.time_ns(), uuid.uuid4().hex, peer)
        tmp = os.path.join(self.spool, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.spool, "new", name))
        with open(self.spool + ".envelopes", "a", encoding="utf-8") as f:
            f.write(json.dumps({"mail_from": envelope.mail_from, "mail_options": envelope.mail_options,
                                "rcpt_tos": envelope.rcpt_tos, "file": name}, ensure_ascii=False) + "\n")
        return "250 2.0.0 Ok: queued as %s" % name[:12]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--security", choices=["none", "starttls", "tls"], default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--auth", help="user:password; AUTH is then required")
    parser.add_argument("--max-sessions", type=int, help="refuse sessions beyond this many at once (421)")
    parser.add_argument("--smtputf8", action="store_true", help="offer SMTPUTF8 (international addresses)")
    args = parser.parse_args()

    kwargs = {"enable_SMTPUTF8": args.smtputf8}
    if args.security != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.security == "starttls":
            kwargs.update(tls_context=context, require_starttls=True)
        else:
            kwargs.update(ssl_context=context)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                and auth_data.password.decode() == password
            # handled=False: aiosmtpd then sends the 535 itself (its default assumes we did).
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=args.security != "none")

    port = free_port()
    LimitedSMTP.limit = args.max_sessions
    controller = LimitedController(Handler(args.spool), hostname="127.0.0.1", port=port,
                            server_hostname="localhost", ready_timeout=10, **kwargs)
    controller.start()
    print("READY %d" % port, flush=True)
    try:
        sys.stdin.read()  # Runs until the test closes our stdin or kills us.
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
