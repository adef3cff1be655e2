# Uncaught custom exception class with extra attributes.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
def validate(record):
    if "id" not in record:
        raise ValidationError("id", "missing")
    print("valid", record)
validate({"id": 1})
validate({"name": "x"})
