/**
 * The `copy` module: copy and deepcopy, written in Python (as CPython's copy.py is) over pyvm's
 * object model: atomic values are returned as they are; lists, dicts, sets and tuples are
 * copied directly; __copy__ / __deepcopy__ are honoured; other instances are rebuilt with
 * cls.__new__ (and __getnewargs__) plus their __dict__, __slots__ values or __setstate__; the
 * collections types are rebuilt through their constructors. deepcopy keeps a memo, so shared
 * and cyclic structures are copied once, as in CPython.
 */
import type { Ref } from "@immortal/heap";
import { nativeModules } from "../vm/imports.js";
import type { VM } from "../vm/vm.js";
import { execSource } from "./support.js";

const COPY_SOURCE = `
class Error(Exception):
    pass
error = Error

_atomic = frozenset([type(None), int, float, bool, str, bytes, type, range, slice, property,
                     type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented)])

def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ('__dict__', '__weakref__') and name not in names:
                names.append(name)
    return names

def _state_of(x):
    cls = type(x)
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return x.__getstate__()
    state = getattr(x, '__dict__', None)
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state if state else None, slots)
    return state if state else None

def _reconstruct(x, memo, deep):
    cls = type(x)
    if isinstance(x, BaseException):
        args = deepcopy(x.args, memo) if deep else x.args
        y = cls(*args)
    elif hasattr(cls, '__getnewargs__'):
        args = x.__getnewargs__()
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = _state_of(x)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    return y

def _collections_copy(x, memo):
    cls = type(x)
    name = cls.__name__
    if name == 'deque':
        y = cls(maxlen=x.maxlen)
        memo[id(x)] = y
        for v in x:
            y.append(deepcopy(v, memo))
        return y
    y = cls(x.default_factory) if name == 'defaultdict' else cls()
    memo[id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y

def copy(x):
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, False)

def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]

def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        y = x
        for i in range(len(x)):
            if items[i] is not x[i]:
                y = tuple(items)
                break
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif getattr(cls, '__module__', None) == 'collections' and cls.__name__ in ('deque', 'defaultdict', 'Counter', 'OrderedDict'):
            y = _collections_copy(x, memo)
        else:
            y = _reconstruct(x, memo, True)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y
`;

/** Register `copy`. */
function installCopy(vm: VM, _module: Ref, d: Ref): void {
  execSource(vm, COPY_SOURCE, "<copy>", d);
}

nativeModules.set("copy", installCopy);
