// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <chrono>

namespace Specula::Kube {

// Scope and paging of a list or watch.
struct ListOptions
{
    QString namespaceName; // empty: all namespaces (or a cluster-scoped kind)
    QString labelSelector;
    QString fieldSelector; // e.g. "spec.nodeName=gpu-node-1"
    int pageSize = 500; // limit=; 0 asks for everything at once
    std::chrono::milliseconds pageTimeout { 60000 }; // transfer (inactivity) timeout per page
    int maxRestarts = 5; // expired continue tokens tolerated before giving up
};

struct WatchOptions
{
    QString namespaceName;
    QString labelSelector;
    QString fieldSelector;
    // The server ends the stream after this (client-go picks 5–10 minutes at random); the
    // informer then resumes from the last resourceVersion.
    std::chrono::seconds serverTimeout { 300 };
    // No byte (event or bookmark) for this long: the connection is considered dead.
    std::chrono::milliseconds transferTimeout { 330000 };
};

} // namespace Specula::Kube
