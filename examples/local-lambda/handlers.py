"""Lambda-style handlers run by Stepwise as local commands: the event arrives on stdin, the result goes to stdout.

`python3 handlers.py <name>` calls the handler <name>; an exception is reported in Lambda's error shape.
"""
import json
import sys
import traceback


def greet(event):
    return {"greeting": "Hello, " + event["name"] + "!"}


def shout(event):
    if not event["greeting"].isascii():
        raise ValueError("only ASCII greetings can be shouted")
    return {"greeting": event["greeting"].upper()}


if __name__ == "__main__":
    handler = {"greet": greet, "shout": shout}[sys.argv[1]]
    try:
        print(json.dumps(handler(json.load(sys.stdin))))
    except Exception as error:  # noqa: BLE001 - every error is the function's error
        print(json.dumps({"errorType": type(error).__name__, "errorMessage": str(error),
                          "stackTrace": traceback.format_tb(error.__traceback__)}))
