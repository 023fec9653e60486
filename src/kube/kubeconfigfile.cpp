// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/kubeconfigfile.h"

#include <QFile>

namespace Specula::Kube {

namespace {

Core::Error configError(const QString &path, int line, const QString &message)
{
    return Core::Error { Core::Error::Kind::Config, message, KubeConfigEntry::where(path, line), 0, {} };
}

int lineOf(const YAML::Node &node)
{
    return node.IsDefined() && node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
}

// `clusters:` / `contexts:` / `users:`: a list of {name, <kind>: {...}}.
std::optional<Core::Error> readEntries(const YAML::Node &root, const char *listKey, const char *kind,
                                       const QString &path, QList<KubeConfigEntry> &entries)
{
    const YAML::Node list = root[listKey];
    if (!list.IsDefined() || list.IsNull())
        return std::nullopt;
    if (!list.IsSequence()) {
        return configError(path, lineOf(list),
                           QStringLiteral("%1: expected a list of {name, %2} entries")
                               .arg(QLatin1String(listKey), QLatin1String(kind)));
    }
    int index = 0;
    for (const YAML::Node &item : list) {
        const QString label = QStringLiteral("%1[%2]").arg(QLatin1String(listKey)).arg(index++);
        if (!item.IsMap())
            return configError(path, lineOf(item),
                               QStringLiteral("%1: expected a map with name and %2").arg(label, QLatin1String(kind)));
        const YAML::Node name = item["name"];
        if (!name.IsDefined() || !name.IsScalar() || name.Scalar().empty())
            return configError(path, lineOf(item), QStringLiteral("%1: the entry has no name").arg(label));
        const QString entryName = QString::fromStdString(name.Scalar());
        const YAML::Node body = item[kind];
        if (body.IsDefined() && !body.IsNull() && !body.IsMap()) {
            return configError(path, lineOf(body),
                               QStringLiteral("%1 \"%2\": %1: expected a map").arg(QLatin1String(kind), entryName));
        }
        // As in one kubectl merge step, the first definition of a name wins.
        const bool known = std::any_of(entries.cbegin(), entries.cend(),
                                       [&](const KubeConfigEntry &entry) { return entry.name() == entryName; });
        if (!known)
            entries.append(KubeConfigEntry(QLatin1String(kind), entryName, path, body.IsDefined() ? body : YAML::Node(),
                                           lineOf(item)));
    }
    return std::nullopt;
}

// yaml-cpp ends a document early, without an error, at a line indented less than the block it
// continues, and starts an implicit new one; kubectl's parser rejects such a file. Only documents
// opened by an explicit "---" are genuine (and, as for kubectl, only the first one is read).
std::optional<int> strayDocument(const QByteArray &text, const std::vector<YAML::Node> &documents)
{
    const QList<QByteArray> lines = text.split('\n');
    for (size_t i = 1; i < documents.size(); ++i) {
        int line = documents[i].Mark().line; // 0-based
        if (line < 0 || line >= lines.size())
            continue;
        const int first = line;
        bool marked = lines.at(line).trimmed().startsWith("---");
        while (!marked && --line >= 0) {
            const QByteArray trimmed = lines.at(line).trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith('#'))
                continue;
            marked = trimmed.startsWith("---") || trimmed.startsWith("...");
            break;
        }
        if (!marked)
            return first + 1;
    }
    return std::nullopt;
}

} // namespace

Core::Result<KubeConfigFile> KubeConfigFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return configError(path, 0, QStringLiteral("cannot read the kubeconfig file: %1").arg(file.errorString()));
    return parse(file.readAll(), path);
}

Core::Result<KubeConfigFile> KubeConfigFile::parse(const QByteArray &text, const QString &path)
{
    KubeConfigFile result;
    result.path = path;
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(text.toStdString());
        if (const auto stray = strayDocument(text, documents))
            return configError(path, *stray,
                               QStringLiteral("malformed YAML: this line is outside the structure above it (check "
                                              "its indentation)"));
        const YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
        if (!root.IsDefined() || root.IsNull())
            return result; // an empty file is an empty kubeconfig, as for kubectl
        if (!root.IsMap())
            return configError(path, lineOf(root), QStringLiteral("expected a kubeconfig map at the top level"));
        const YAML::Node current = root["current-context"];
        if (current.IsDefined() && !current.IsNull()) {
            if (!current.IsScalar())
                return configError(path, lineOf(current), QStringLiteral("current-context: expected a context name"));
            result.currentContext = QString::fromStdString(current.Scalar());
            result.currentContextLine = lineOf(current);
        }
        if (auto error = readEntries(root, "clusters", "cluster", path, result.clusters))
            return *error;
        if (auto error = readEntries(root, "contexts", "context", path, result.contexts))
            return *error;
        if (auto error = readEntries(root, "users", "user", path, result.users))
            return *error;
    } catch (const YAML::Exception &exception) {
        return configError(path, exception.mark.line >= 0 ? exception.mark.line + 1 : 0,
                           QStringLiteral("malformed YAML: %1").arg(QString::fromStdString(exception.msg)));
    }
    return result;
}

} // namespace Specula::Kube
