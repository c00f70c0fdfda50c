from tortoise import fields, migrations

from network.migration_ops import AddFilledField


class Migration(migrations.Migration):
    dependencies = [("network", "0014_sync")]

    initial = False

    operations = [
        AddFilledField(
            model_name="Peer",
            name="relays_to_us",
            field=fields.BooleanField(default=False),
        ),
    ]
