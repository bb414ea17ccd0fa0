/* One folder's regular files with their size and mtime, listed at C speed with the GIL released, so that
   two threads list two folders at once. The rule is wirehouse/ingest/discover.py's `_Walker.folder`; this is
   its fast path (tests/test_listing_native.py holds the two to the same entries). */
#define _GNU_SOURCE /* qsort_r */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum kind { REGULAR, OTHER, VANISHED };

typedef struct {
    size_t name; /* offset of the name in the names buffer */
    size_t length;
    long long size;
    long long mtime_ns;
    enum kind kind;
} Found;

typedef struct {
    Found *found;
    size_t n, capacity;
    char *names;
    size_t used, room;
    int error; /* errno of a failed readdir, or ENOMEM */
} Folder;

static int
grow(void **buffer, size_t *capacity, size_t needed, size_t unit)
{
    if (needed <= *capacity)
        return 0;
    size_t wanted = *capacity ? *capacity : 1024;
    while (wanted < needed)
        wanted *= 2;
    void *grown = realloc(*buffer, wanted * unit);
    if (grown == NULL)
        return -1;
    *buffer = grown;
    *capacity = wanted;
    return 0;
}

/* Byte order of UTF-8 paths is their code point order: the order of Python's sort of the same strings. */
static int
by_path(const void *left, const void *right, void *names)
{
    const Found *a = left, *b = right;
    const char *sorted_names = names;
    size_t common = a->length < b->length ? a->length : b->length;
    int order = memcmp(sorted_names + a->name, sorted_names + b->name, common);
    if (order != 0)
        return order;
    return (a->length > b->length) - (a->length < b->length);
}

/* Every entry of the folder `prefix` names (its path and a '/') whose name does not start with '.', with one
   fstatat each; the folder is opened and closed here too, so a folder costs one release of the GIL. */
static void
scan(const char *prefix, size_t prefix_length, Folder *folder)
{
    int fd = open(prefix, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = fd < 0 ? NULL : fdopendir(fd);
    if (dir == NULL) {
        folder->error = errno;
        if (fd >= 0)
            close(fd);
        return;
    }
    struct dirent *item;
    struct stat status;
    for (;;) {
        errno = 0;
        item = readdir(dir);
        if (item == NULL) {
            folder->error = errno;
            break;
        }
        const char *name = item->d_name;
        if (name[0] == '.')
            continue;
        size_t length = strlen(name);
        if (grow((void **)&folder->found, &folder->capacity, folder->n + 1, sizeof(Found)) < 0 ||
            grow((void **)&folder->names, &folder->room, folder->used + prefix_length + length, 1) < 0) {
            folder->error = ENOMEM;
            break;
        }
        Found *found = &folder->found[folder->n++];
        found->name = folder->used;
        found->length = prefix_length + length;
        memcpy(folder->names + folder->used, prefix, prefix_length);
        memcpy(folder->names + folder->used + prefix_length, name, length);
        folder->used += prefix_length + length;
        if (fstatat(dirfd(dir), name, &status, AT_SYMLINK_NOFOLLOW) != 0) {
            found->kind = errno == ENOENT ? VANISHED : OTHER;
            continue;
        }
        found->kind = S_ISREG(status.st_mode) ? REGULAR : OTHER;
        found->size = (long long)status.st_size;
        found->mtime_ns = (long long)status.st_mtim.tv_sec * 1000000000LL + status.st_mtim.tv_nsec;
    }
    closedir(dir);
    qsort_r(folder->found, folder->n, sizeof(Found), by_path, folder->names);
}

/* The Python objects of a scanned folder: (entries, others, vanished). */
static PyObject *
objects(Folder *folder, PyObject *root)
{
    PyObject *entries = PyList_New(0), *others = PyList_New(0);
    long vanished = 0;
    for (size_t i = 0; entries != NULL && others != NULL && i < folder->n; i++) {
        Found *found = &folder->found[i];
        if (found->kind == VANISHED) {
            vanished++;
            continue;
        }
        const char *path = folder->names + found->name;
        PyObject *text = NULL, *item;
        if (found->kind == REGULAR) {
            text = PyUnicode_DecodeUTF8(path, found->length, NULL);
            if (text == NULL)
                PyErr_Clear(); /* a name that is not UTF-8: the Python walker gives the reason */
        }
        if (text != NULL) {
            item = Py_BuildValue("(NLLO)", text, found->size, found->mtime_ns, root);
            if (item == NULL || PyList_Append(entries, item) < 0)
                Py_CLEAR(entries);
        } else {
            item = PyUnicode_DecodeFSDefaultAndSize(path, found->length);
            if (item == NULL || PyList_Append(others, item) < 0)
                Py_CLEAR(others);
        }
        Py_XDECREF(item);
    }
    if (entries == NULL || others == NULL) {
        Py_XDECREF(entries);
        Py_XDECREF(others);
        return NULL;
    }
    return Py_BuildValue("(NNl)", entries, others, vanished);
}

static PyObject *
regular_files(PyObject *self, PyObject *args)
{
    PyObject *prefix, *root;
    if (!PyArg_ParseTuple(args, "O&O!", PyUnicode_FSConverter, &prefix, &PyUnicode_Type, &root))
        return NULL;
    Folder folder = {0};
    Py_BEGIN_ALLOW_THREADS
    scan(PyBytes_AS_STRING(prefix), (size_t)PyBytes_GET_SIZE(prefix), &folder);
    Py_END_ALLOW_THREADS
    PyObject *result = NULL;
    if (folder.error == ENOMEM) {
        PyErr_NoMemory();
    } else if (folder.error != 0) {
        errno = folder.error;
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, PyBytes_AS_STRING(prefix));
    } else {
        result = objects(&folder, root);
    }
    Py_DECREF(prefix);
    free(folder.found);
    free(folder.names);
    return result;
}

static PyMethodDef methods[] = {
    {"regular_files", regular_files, METH_VARARGS,
     "regular_files(prefix, root) -> (entries, others, vanished): the folder whose path and '/' are "
     "`prefix`, each entry whose name does not start with '.' stat-ed once without following links; "
     "`entries` are "
     "(prefix + name, size, mtime_ns, root) of the regular files named in UTF-8, `others` the paths of "
     "every other entry, `vanished` how many were gone by their stat."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_listing", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__listing(void)
{
    return PyModule_Create(&module);
}
