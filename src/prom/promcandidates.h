// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Specula::Prom {

// A Service that may front a Prometheus-compatible API, and how the usual installs name it.
struct PromCandidate
{
    QString flavor; // "kube-prometheus", "OpenShift thanos-querier", … for messages
    QString ns;
    QString service;
    QString port; // a number, or the port's name when only that is known
    bool https = false;
    int rank = 0; // lower is preferred: an aggregating querier before one replica, known before guessed
    QString id() const; // "monitoring/prometheus-k8s:9090"
    friend bool operator==(const PromCandidate &, const PromCandidate &) = default;
};

// Finds Prometheus installs among a cluster's Services, in the order Specula should try them.
class PromCandidates
{
public:
    // From the JSON of GET /api/v1/services (a ServiceList), best first; one entry per Service.
    static Core::Result<QList<PromCandidate>> fromServiceList(const QByteArray &json);
    // The fixed names of the usual installs, for when Services cannot be listed (RBAC).
    static QList<PromCandidate> wellKnown();
};

} // namespace Specula::Prom
