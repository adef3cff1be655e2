"""Richards: Martin Richards' operating-system simulation — a scheduler switching between an idle
task, a worker, two handlers and two devices that pass packets to each other.

Method calls on small objects, attribute reads and writes, linked queues and branches. The
numbers of packets queued and of hold operations are fixed by the algorithm.
"""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 1000, 1001
BUFFER_SIZE = 4

# Task state bits.
PACKET_PENDING = 1
WAITING = 2
HOLDING = 4


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Put this packet at the end of `queue`; returns the queue's head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue, state):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.link = system.tasks
        system.tasks = self
        system.table[ident] = self

    def runnable(self):
        s = self.state
        return not (s & HOLDING or (s & WAITING and not s & PACKET_PENDING))

    def step(self):
        packet = None
        if self.state == PACKET_PENDING | WAITING:
            packet = self.queue
            self.queue = packet.link
            self.state = 0 if self.queue is None else PACKET_PENDING
        return self.work(packet)

    def receive(self, packet, sender):
        """Queue `packet`; returns the task that should run next."""
        if self.queue is None:
            self.queue = packet
            self.state |= PACKET_PENDING
            if self.priority > sender.priority:
                return self
        else:
            packet.append_to(self.queue)
        return sender

    # Operations a task's work function ends with; each returns the task to run next.
    def wait(self):
        self.state |= WAITING
        return self

    def hold(self):
        self.system.holds += 1
        self.state |= HOLDING
        return self.link

    def release(self, ident):
        other = self.system.table[ident]
        other.state &= ~HOLDING
        return other if other.priority > self.priority else self

    def send(self, packet):
        target = self.system.table[packet.owner]
        self.system.sent += 1
        packet.link = None
        packet.owner = self.ident
        return target.receive(packet, self)


class IdleTask(Task):
    def __init__(self, system, ident, count):
        Task.__init__(self, system, ident, 0, None, 0)
        self.control = 1
        self.count = count

    def work(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, PACKET_PENDING | WAITING)
        self.destination = HANDLER_A
        self.letter = 0

    def work(self, packet):
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        data = packet.data
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = 64 + self.letter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, PACKET_PENDING | WAITING)
        self.work_queue = None
        self.device_queue = None

    def work(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        job = self.work_queue
        if job is None:
            return self.wait()
        index = job.datum
        if index >= BUFFER_SIZE:
            self.work_queue = job.link
            return self.send(job)
        device = self.device_queue
        if device is None:
            return self.wait()
        self.device_queue = device.link
        device.datum = job.data[index]
        job.datum = index + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None, WAITING)
        self.pending = None
        self.output = 0

    def work(self, packet):
        if packet is None:
            packet = self.pending
            if packet is None:
                return self.wait()
            self.pending = None
            return self.send(packet)
        self.pending = packet
        self.output += packet.datum
        return self.hold()


class System:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.sent = 0
        self.holds = 0

    def build(self, idle_count):
        IdleTask(self, IDLE, idle_count)
        queue = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
        WorkerTask(self, WORKER, 1000, queue)
        queue = None
        for _ in range(3):
            queue = Packet(queue, DEVICE_A, KIND_DEVICE)
        HandlerTask(self, HANDLER_A, 2000, queue)
        queue = None
        for _ in range(3):
            queue = Packet(queue, DEVICE_B, KIND_DEVICE)
        HandlerTask(self, HANDLER_B, 3000, queue)
        DeviceTask(self, DEVICE_A, 4000)
        DeviceTask(self, DEVICE_B, 5000)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.runnable():
                task = task.step()
            else:
                task = task.link


def main(iterations=10):
    outputs = 0
    for _ in range(iterations):
        system = System()
        system.build(10000)
        system.schedule()
        assert (system.sent, system.holds) == (23246, 9297), (system.sent, system.holds)
        outputs += system.table[DEVICE_A].output + system.table[DEVICE_B].output
    print("richards: %d runs, %d packets sent, %d holds, device output %d" % (iterations, system.sent, system.holds, outputs))


if __name__ == "__main__":
    main()
