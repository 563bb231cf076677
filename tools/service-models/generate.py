#!/usr/bin/env python3
"""Extracts the output shapes of AWS operations from botocore's API models into the compact JSON resource that
Stepwise's TestState checks mocked results against (src/Stepwise.Integrations/ServiceModels/). Run by hand; see README.md."""
import argparse
import json
import os

import botocore
import botocore.loaders

# Stepwise's key for each service (IntegrationsConfiguration.ServiceKey) -> botocore's service name. The services
# Stepwise's aws-sdk integration speaks, those of its optimized integrations, and those the corpus's TestState cases mock.
SERVICES = {
    "athena": "athena", "batch": "batch", "codebuild": "codebuild", "dynamodb": "dynamodb", "ecs": "ecs",
    "events": "events", "glue": "glue", "kinesis": "kinesis", "kms": "kms", "lambda": "lambda", "logs": "logs",
    "s3": "s3", "secretsmanager": "secretsmanager", "sns": "sns", "sqs": "sqs", "ssm": "ssm", "states": "stepfunctions",
}

# Optimized integrations whose result is not the operation's output as modelled: lambda:invoke returns the function's
# answer in Payload as JSON, not as a blob.
OPTIMIZED = {"lambda:invoke": ("Invoke", {"Payload": "document"})}

# Where Step Functions' copy of a model differs from botocore's, as the AWS-recorded corpus shows:
# (Stepwise service key, shape, key) -> value. Lambda raised MemorySize's maximum from 10240 to 32768 in botocore,
# while TestState still refuses 10241 (test_state/test_field_validation_mode*_integer_more_than_maxi*).
PATCHES = {("lambda", "MemorySize", "max"): 10240}

# A primitive without constraints is named by its type alone, so the file holds no shape for it.
PRIMITIVES = {"string", "blob", "boolean", "integer", "long", "float", "double", "timestamp", "document"}


def pascal(name):
    # Step Functions writes every member as the Java SDK names it: the model's name with an upper-case first letter.
    return name[:1].upper() + name[1:]


class Extractor:
    def __init__(self, model):
        self.model = model["shapes"]
        self.shapes = {}

    def ref(self, name):
        shape = self.model[name]
        kind = shape["type"]
        if kind in PRIMITIVES and not any(k in shape for k in ("min", "max", "enum")):
            return kind
        if name not in self.shapes:
            self.shapes[name] = None  # recursive shapes (DynamoDB's AttributeValue) refer back to themselves
            self.shapes[name] = self.compact(shape)
        return name

    def compact(self, shape):
        kind = shape["type"]
        out = {"type": kind}
        if kind == "structure":
            out["members"] = {pascal(k): self.ref(v["shape"]) for k, v in shape["members"].items()}
            required = [pascal(k) for k in shape.get("required", [])]
            if required:
                out["required"] = required
        elif kind == "list":
            out["member"] = self.ref(shape["member"]["shape"])
        elif kind == "map":
            out["value"] = self.ref(shape["value"]["shape"])
        else:
            # Bounds on a list's or map's size are left out: a real answer breaks them (ListNamedQueries answers an
            # empty NamedQueryIds, whose minimum is 1), and the corpus shows AWS checking only values and lengths of text.
            for key in ("min", "max", "enum"):
                if key in shape:
                    out[key] = shape[key]
        return out


def extract(loader, service):
    model = loader.load_service_model(service, "service-2")
    for (key, shape, field), value in PATCHES.items():
        if SERVICES[key] == service:
            model["shapes"][shape][field] = value
    extractor = Extractor(model)
    operations = {}
    for name, operation in sorted(model["operations"].items()):
        operations[name] = extractor.ref(operation["output"]["shape"]) if "output" in operation else None
    return model["metadata"]["apiVersion"], operations, extractor


def write(path, entry):
    # One shape a line, so a regeneration's diff shows which shapes changed.
    def dump(value):
        return json.dumps(value, separators=(",", ":"))

    lines = ["{" + ",".join(f"{dump(k)}:{dump(v)}" for k, v in entry.items() if k != "shapes") + ',"shapes":{']
    shapes = list(entry["shapes"].items())
    lines += [f"{dump(name)}:{dump(shape)}" + ("," if i < len(shapes) - 1 else "") for i, (name, shape) in enumerate(shapes)]
    lines.append("}}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "src", "Stepwise.Integrations",
                                                     "ServiceModels", "Models"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for stale in os.listdir(args.out):
        if stale.endswith(".json"):
            os.remove(os.path.join(args.out, stale))
    loader = botocore.loaders.Loader()
    total = operations_count = 0
    for key, name in sorted(SERVICES.items()):
        version, operations, extractor = extract(loader, name)
        optimized = {}
        for resource, (operation, overrides) in OPTIMIZED.items():
            if resource.split(":")[0] != key:
                continue
            base = dict(extractor.shapes[operations[operation]])
            base["members"] = {**base["members"], **overrides}
            shape_name = "Optimized:" + resource
            extractor.shapes[shape_name] = base
            optimized[resource.split(":")[1]] = shape_name
        entry = {"source": f"botocore {botocore.__version__}", "apiVersion": version,
                 "operations": {k: v for k, v in operations.items() if v is not None}}
        if optimized:
            entry["optimized"] = optimized
        entry["shapes"] = extractor.shapes
        path = os.path.join(args.out, key + ".json")
        write(path, entry)
        total += os.path.getsize(path)
        operations_count += len(entry["operations"])
    print(f"{args.out}: {len(SERVICES)} services, {operations_count} operations, {total:,} bytes")


if __name__ == "__main__":
    main()
