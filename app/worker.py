"""The task worker: `make worker` or `python -m app.worker` (same configuration as the app)."""
import logging

from app import create_app


def main(workers=2):
    logging.basicConfig(level=logging.INFO)
    app = create_app()
    consumer = app.extensions["huey"].create_consumer(workers=workers, worker_type="thread")
    consumer.run()


if __name__ == "__main__":
    main()
