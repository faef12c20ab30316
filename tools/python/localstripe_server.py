"""Starts the localstripe emulator the way the Shopstream stack needs it (adr/0040).

localstripe's own entry point listens on every interface (``::``) and keeps its store in the fixed file
/tmp/localstripe.pickle, which every stack on the machine would share; its webhook endpoints live only in
memory, so they vanish when it restarts. This launcher, run with the virtualenv's Python, instead:

- listens on 127.0.0.1 only;
- keeps the store in ``--store <file>`` (the stack's data folder), loaded at start unless ``--from-scratch``;
- registers the webhook endpoints given as ``--webhook <id>=<url>`` with the secret in the environment
  variable ``LOCALSTRIPE_WEBHOOK_SECRET`` (not an argument, so it is not in ``ps``), before it serves.
"""

import argparse
import logging
import os
import pickle

from aiohttp import web
from localstripe import resources, server, webhooks


def use_store_file(path):
    """Points localstripe's Store at ``path`` (its methods hard-code /tmp/localstripe.pickle)."""

    def try_load_from_disk(self):
        try:
            with open(path, "rb") as f:
                old = pickle.load(f)
        except FileNotFoundError:
            return
        self.clear()
        self.update(old)

    def dump_to_disk(self):
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            pickle.dump(dict(self), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    resources.Store.try_load_from_disk = try_load_from_disk
    resources.Store.dump_to_disk = dump_to_disk


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--from-scratch", action="store_true")
    parser.add_argument("--webhook", action="append", default=[], metavar="ID=URL")
    args = parser.parse_args()

    use_store_file(args.store)
    if not args.from_scratch:
        resources.store.try_load_from_disk()

    secret = os.environ.get("LOCALSTRIPE_WEBHOOK_SECRET", "")
    for entry in args.webhook:
        hook_id, _, url = entry.partition("=")
        if not hook_id or not url.startswith("http") or not secret:
            parser.error("--webhook needs ID=URL and LOCALSTRIPE_WEBHOOK_SECRET")
        webhooks.register_webhook(hook_id, url, secret, None)

    access = logging.getLogger("aiohttp.access")
    access.setLevel(logging.INFO)
    access.addHandler(logging.StreamHandler())
    web.run_app(server.app, host="127.0.0.1", port=args.port, access_log=access, print=None)


if __name__ == "__main__":
    main()
