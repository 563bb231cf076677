"""The daycare's Lambda functions, run by Stepwise as local commands (see ../stepwise.json).

`python3 handlers.py <name>` reads the event on stdin and writes the result on stdout; an exception is reported in
Lambda's error shape, so the state machine's retriers and catchers see its type as the error name.
"""
import json
import sys
import traceback

# Free seats per classroom. Preschool is full, so a preschooler is waitlisted.
FREE_SEATS = {"Toddlers": ["T-07", "T-09"], "Preschool": []}


class RosterBusy(Exception):
    """The roster is being edited: the state machine retries this error."""


def find_seat(event):
    if event["classroom"] not in FREE_SEATS:
        raise RosterBusy("no roster for classroom " + event["classroom"])
    seats = FREE_SEATS[event["classroom"]]
    return {"seat": seats[0] if seats else None}


def register(event):
    # The id is derived from the seat so the example's output is the same on every run.
    return {"registrationId": "DC-" + event["seat"].replace("-", "") + "-" + str(len(event["days"]))}


if __name__ == "__main__":
    handler = {"find-seat": find_seat, "register": register}[sys.argv[1]]
    try:
        print(json.dumps(handler(json.load(sys.stdin))))
    except Exception as error:  # noqa: BLE001 - every error is the function's error
        print(json.dumps({"errorType": type(error).__name__, "errorMessage": str(error),
                          "stackTrace": traceback.format_tb(error.__traceback__)}))
