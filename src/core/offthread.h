// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/freedmemory.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>
#include <utility>

namespace Specula::Core {

// Runs work() on Qt's global thread pool, then done(result) on the thread of `context`.
//
// Unlike QFuture::then(context, ...), the result is moved out of the future, never copied: no
// second reference stays behind in the future's result store, so a large value (a parsed answer,
// a series store) is neither deep-copied when it is next modified nor freed on the GUI thread
// when the future goes away. If `context` is destroyed first, done() is not called.
template<class Work, class Done> void runOffThread(QObject *context, Work &&work, Done &&done)
{
    using Result = std::invoke_result_t<std::decay_t<Work>>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::forward<Done>(done)]() mutable {
                         QFuture<Result> future = watcher->future();
                         watcher->deleteLater();
                         done(future.takeResult());
                     });
    watcher->setFuture(QtConcurrent::run(std::forward<Work>(work)));
}

// Work that builds a large model for display (a snapshot, a page's rows, the topology tree and
// map, a heatmap) runs one at a time. Each holds its new model beside the one on screen, tens of
// megabytes on a large cluster, and a live update or a refresh sets off several at once: one at
// a time, they add the largest of them to the resident memory rather than their sum. They run
// on Qt's global pool all the same: a thread of their own would add an allocator arena of its
// own, which holds more than it saves.
QMutex &modelBuildLock();

// runOffThread() for such work: work() waits while another build runs.
template<class Work, class Done> void buildOffThread(QObject *context, Work &&work, Done &&done)
{
    runOffThread(
        context,
        [work = std::forward<Work>(work)]() mutable {
            const QMutexLocker oneAtATime(&modelBuildLock());
            // What the last build and the model it replaced freed goes back to the system first:
            // blocks of megabytes get mappings of their own (FreedMemory::ownMappingFrom), so a
            // build's new store or pod list cannot reuse those freed pages: it sat on top of them,
            // up to 110 MiB above what was in use at a refresh on `large`. A few milliseconds.
            FreedMemory::releaseNow();
            return work();
        },
        std::forward<Done>(done));
}

// Lets a large value that is no longer needed die on Qt's global thread pool: freeing a tree
// or layout of a large cluster costs the GUI thread tens of milliseconds. Data the value shares
// implicitly with other copies is freed wherever its last reference goes.
template<class T> void freeOffThread(T &&value)
{
    static_assert(!std::is_lvalue_reference_v<T>, "hand the value over with std::move or std::exchange");
    (void)QtConcurrent::run([dying = std::move(value)]() mutable { [[maybe_unused]] const T gone = std::move(dying); });
}

} // namespace Specula::Core
