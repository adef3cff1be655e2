# Single inheritance: overriding, extending, attribute lookup through the chain.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (squeaky)"

class Cat(Animal):
    sound = "meow"
    def __init__(self, name, lives=9):
        Animal.__init__(self, name)
        self.lives = lives

for a in [Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom")]:
    print(a.speak(), a.kind())
c = Cat("kit", 3)
print(c.lives, c.name)
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), isinstance(Puppy("p"), Dog))
print([k.__name__ for k in Puppy.__mro__])
print(Puppy.__bases__, Animal.__bases__)
