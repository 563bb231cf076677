"""The smoothie robots, simulated.

  python3 robot.py setup [ROBOT_ID:STATUS ...]  creates the SmoothieRobots table (on moto) with those robots and the
                                                smoothie-orders queue, and prints the queue URL
  python3 robot.py serve [--once]               takes orders from the queue and answers each with SendTaskSuccess
                                                on stepwise serve

Endpoints come from MOTO_ENDPOINT (default http://127.0.0.1:5000) and STEPWISE_ENDPOINT (default
http://127.0.0.1:8083). Local stand-ins accept any credentials, so placeholders are used when none are set.
"""
import json
import os
import sys

import boto3
from botocore.exceptions import ClientError

MOTO = os.environ.get("MOTO_ENDPOINT", "http://127.0.0.1:5000")
STEPWISE = os.environ.get("STEPWISE_ENDPOINT", "http://127.0.0.1:8083")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")


def client(service, endpoint):
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION)


def setup(robots):
    dynamodb = client("dynamodb", MOTO)
    dynamodb.create_table(
        TableName="SmoothieRobots",
        KeySchema=[{"AttributeName": "RobotId", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "RobotId", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    for robot in robots or ["robo-1:FREE"]:
        robot_id, status = robot.split(":")
        dynamodb.put_item(TableName="SmoothieRobots", Item={"RobotId": {"S": robot_id}, "RobotStatus": {"S": status}})
    print(client("sqs", MOTO).create_queue(QueueName="smoothie-orders")["QueueUrl"])


def serve(once):
    sqs = client("sqs", MOTO)
    sfn = client("stepfunctions", STEPWISE)
    queue_url = sqs.get_queue_url(QueueName="smoothie-orders")["QueueUrl"]
    while True:
        for message in sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=5).get("Messages", []):
            order = json.loads(message["Body"])
            smoothie = {"robotId": order["robotId"], "smoothie": order["order"], "status": "SERVED"}
            print(f"{order['robotId']} blends {json.dumps(order['order'])}", flush=True)
            try:
                sfn.send_task_success(taskToken=order["taskToken"], output=json.dumps(smoothie))
            except ClientError as error:
                # An order left in the queue after its task timed out (or its execution ended) is dropped, not retried.
                print(f"{order['robotId']} was too late: {error.response['Error']['Code']}", flush=True)
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
            if once:
                return


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "setup":
        setup(sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "serve":
        serve("--once" in sys.argv[2:])
    else:
        sys.exit(__doc__)
