x = f'{ab €}'
