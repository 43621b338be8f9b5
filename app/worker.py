"""The task worker: `make worker` or `python -m app.worker` (same configuration as the app)."""
import logging

from app import create_app
from app.services import backtest_pool


def main(workers=2):
    logging.basicConfig(level=logging.INFO)
    app = create_app()
    consumer = app.extensions["huey"].create_consumer(workers=workers, worker_type="thread")
    # Backtests fork their processes from this server: started now, before the consumer's threads,
    # the first backtest does not wait the second its imports take.
    backtest_pool.start_fork_server()
    consumer.run()


if __name__ == "__main__":
    main()
