// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/podrequests.h"

#include <algorithm>

namespace Specula::Model {
namespace {

using Kube::ResourceList;

ResourceList containerRequests(const Kube::Container &container)
{
    ResourceList requests = container.requests;
    for (auto it = container.limits.cbegin(); it != container.limits.cend(); ++it) {
        if (isExtendedResource(it.key()) && !requests.contains(it.key()))
            requests.insert(it.key(), it.value());
    }
    return requests;
}

void add(ResourceList &into, const ResourceList &other)
{
    for (auto it = other.cbegin(); it != other.cend(); ++it)
        into[it.key()] += it.value();
}

void maxInto(ResourceList &into, const ResourceList &other)
{
    for (auto it = other.cbegin(); it != other.cend(); ++it) {
        auto &slot = into[it.key()];
        slot = std::max(slot, it.value());
    }
}

} // namespace

bool isExtendedResource(const QString &name)
{
    return name.contains(QLatin1Char('/')) && !name.contains(QLatin1String("kubernetes.io/"))
        && !name.startsWith(QLatin1String("requests."));
}

ResourceList effectiveRequests(const Kube::Pod &pod)
{
    ResourceList requests;
    for (const auto &container : pod.containers)
        add(requests, containerRequests(container));

    // Init containers run one after another; sidecars (restartable init containers) keep
    // running beside everything that starts after them, so their needs accumulate.
    ResourceList sidecars;
    ResourceList initPeak;
    for (const auto &container : pod.initContainers) {
        const ResourceList own = containerRequests(container);
        if (container.restartable) {
            add(requests, own);
            add(sidecars, own);
            maxInto(initPeak, sidecars);
        } else {
            ResourceList need = own;
            add(need, sidecars);
            maxInto(initPeak, need);
        }
    }
    maxInto(requests, initPeak);
    add(requests, pod.overhead);
    return requests;
}

bool isTerminated(const Kube::Pod &pod)
{
    return pod.phase == QLatin1String("Succeeded") || pod.phase == QLatin1String("Failed");
}

} // namespace Specula::Model
