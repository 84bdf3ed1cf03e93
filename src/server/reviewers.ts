/**
 * Which reviewer applies to a document: the configuration files its folder
 * resolves to, under the editor's settings. Projects are kept per settings and
 * dropped when a configuration file, a rule pack or the trust changes.
 */
import {mergeConfigs, Reviewer} from '../core/index.js'
import type {ReviewerProject, ServerHost} from './host.js'
import {projectSettings} from './settings.js'
import type {Settings} from './settings-schema.js'
import type {Workspace} from './workspace.js'

export class Reviewers {
  /** A review failed on an invalid config or rule pack since the last reset. */
  broken = false
  private readonly projects = new Map<string, ReviewerProject>()

  constructor(
    private readonly host: ServerHost,
    private readonly workspace: Workspace
  ) {}

  project(settings: Settings): ReviewerProject {
    const options = projectSettings(settings, this.workspace.trusted)
    const key = JSON.stringify(options)
    let project = this.projects.get(key)
    if (!project) {
      project = this.host.createProject(options)
      this.projects.set(key, project)
    }
    return project
  }

  /** Throws ConfigError / RulePackError. */
  reviewerFor(uri: string, path: string | undefined, settings: Settings): Reviewer {
    const project = this.project(settings)
    if (path) return project.reviewerFor(path)
    // Untitled (or another scheme): the configuration of the workspace folder, if any.
    const folder = this.workspace.folderOf(uri) ?? this.workspace.folders[0]
    const folderPath = folder ? this.host.uriToPath(folder.uri) : undefined
    if (folderPath) return project.reviewerFor(`${folderPath.replace(/\/$/, '')}/untitled.md`)
    const {defaults, overrides} = projectSettings(settings, this.workspace.trusted)
    return new Reviewer(this.host.builtinPacks(), mergeConfigs(defaults, overrides))
  }

  /** Whether a changed file is one a configuration used (while one is broken: any pack-like file). */
  uses(uri: string): boolean {
    if (this.broken && /\.(ya?ml|json)$/i.test(uri)) return true
    const path = this.host.uriToPath(uri)
    return path !== undefined && [...this.projects.values()].some((p) => p.uses(path))
  }

  reset(): void {
    this.broken = false
    this.projects.clear()
  }
}
