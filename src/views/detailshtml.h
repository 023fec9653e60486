// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QCoreApplication>

namespace Specula::Views {

// The details panel's content for each kind of topology item, as HTML tables. Every value from
// the cluster is escaped. Functions return an empty string when the snapshot no longer has the
// item (it went away between the selection and the update).
class DetailsHtml
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Views::DetailsHtml)

public:
    static QString cluster(const Model::ClusterSnapshot &snapshot);
    static QString node(const Model::ClusterSnapshot &snapshot, const QString &node);
    static QString gpuDevice(const Model::ClusterSnapshot &snapshot, const QString &node, const QString &uuid);
    static QString gpuResource(const Model::ClusterSnapshot &snapshot, const QString &node, const QString &resource);
    static QString pf(const Model::ClusterSnapshot &snapshot, const QString &node, const QString &pciAddress);
    static QString vf(const Model::ClusterSnapshot &snapshot, const QString &node, const QString &pciAddress);
    static QString pod(const Model::ClusterSnapshot &snapshot, const QString &key);

private:
    static QString gpuSection(const Model::NodeSummary &node);
    static QString resourcesSection(const Model::NodeSummary &node);
    static QString sriovSection(const Model::NodeSummary &node);
};

} // namespace Specula::Views
