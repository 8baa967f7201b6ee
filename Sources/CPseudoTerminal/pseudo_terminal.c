// Pseudo-terminals for the benchmark, which drives the real binary as a terminal would.
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE
#include "pseudo_terminal.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tz_pty_resize(int fd, int rows, int columns) {
    struct winsize size = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)columns };
    return ioctl(fd, TIOCSWINSZ, &size);
}

int tz_pty_open(int rows, int columns, char *slave_path, size_t slave_path_size) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    if (grantpt(master) != 0 || unlockpt(master) != 0) { close(master); return -1; }
    const char *name = ptsname(master);
    if (name == NULL || strlen(name) + 1 > slave_path_size) { close(master); return -1; }
    strcpy(slave_path, name);
    if (tz_pty_resize(master, rows, columns) != 0) { close(master); return -1; }
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    // Not inherited by the program started on the slave: a copy held there would keep the
    // terminal open after the test closes its side.
    fcntl(master, F_SETFD, FD_CLOEXEC);
    return master;
}

#include <signal.h>

pid_t tz_pty_spawn(const char *path, char *const argv[], char *const envp[], const char *slave_path, int controlling) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    // Child: only async-signal-safe calls until exec.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int s = 1; s < 32; s++) signal(s, SIG_DFL);
    setsid();
    // The first terminal a session leader opens becomes its controlling terminal, unless asked not
    // to: then closing the master sends no SIGHUP and the program reads end-of-file instead.
    int slave = open(slave_path, controlling ? O_RDWR : O_RDWR | O_NOCTTY);
    if (slave < 0) _exit(127);
    dup2(slave, 0); dup2(slave, 1); dup2(slave, 2);
    if (slave > 2) close(slave);
    execve(path, argv, envp);
    _exit(127);
}
