// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resources.h"

namespace Specula::Model {

// True for resources the scheduler treats as extended: a `domain/name` outside kubernetes.io.
bool isExtendedResource(const QString &name);

// What the scheduler counts for one pod: max(app containers + sidecars, the largest init
// container need) plus overhead, with a limit standing in for a missing request on extended
// resources (the API server's defaulting does the same).
Kube::ResourceList effectiveRequests(const Kube::Pod &pod);

// Pods in these phases no longer hold their node's resources.
bool isTerminated(const Kube::Pod &pod);

} // namespace Specula::Model
