# A recording stand-in for Vagrant: loads each Vagrantfile given on the command line the way
# Vagrant does (Kernel.load, top level, one fresh process per file via fork) and writes what
# Vagrant.configure was told as JSON next to it (FILE.json). Usage: ruby fake_vagrant.rb FILE...
require 'json'

# Any object Vagrant hands to a block: remembers every call and assignment, in order.
class Recorder
  attr_reader :calls, :settings

  def initialize
    @calls = []
    @settings = {}
  end

  def method_missing(name, *args, **opts, &block)
    key = name.to_s
    if key.end_with?('=') && args.size == 1 && opts.empty?
      @settings[key.chomp('=')] = args[0]
    else
      @calls << { 'method' => key, 'args' => args, 'opts' => opts }
    end
    nil
  end

  def respond_to_missing?(_name, _include_private = false)
    true
  end

  def to_h
    { 'settings' => @settings, 'calls' => @calls }
  end
end

# A provider configuration block's first argument: lv, vb or vmw.
class ProviderRecorder < Recorder
  def vmx
    @settings['vmx'] ||= {}
  end
end

# config.vm and m.vm: the keys labforge uses, anything else still recorded.
class VmRecorder < Recorder
  attr_reader :machines, :providers, :provisioners, :networks, :disks, :synced_folders

  def initialize
    super
    @machines = []
    @providers = []
    @provisioners = []
    @networks = []
    @disks = []
    @synced_folders = []
  end

  def define(name, **opts)
    machine = ConfigRecorder.new
    yield machine
    @machines << { 'name' => name, 'opts' => opts, 'config' => machine.to_h }
  end

  def provider(name)
    provider = ProviderRecorder.new
    override = ConfigRecorder.new
    yield provider, override
    @providers << { 'name' => name.to_s, 'config' => provider.to_h, 'override' => override.to_h }
  end

  # Vagrant merges provisioners of the same name, so a repeat would silently lose a step.
  def provision(name, **opts)
    raise "provisioner #{name.inspect} defined twice" if @provisioners.any? { |p| p['name'] == name }

    @provisioners << { 'name' => name, 'opts' => opts }
  end

  def network(type, **opts)
    @networks << { 'type' => type.to_s, 'opts' => opts }
  end

  def disk(type, **opts)
    @disks << { 'type' => type.to_s, 'opts' => opts }
  end

  def synced_folder(source, target, **opts)
    @synced_folders << { 'source' => source, 'target' => target, 'opts' => opts }
  end

  def to_h
    super.merge('machines' => @machines, 'providers' => @providers, 'provisioners' => @provisioners,
                'networks' => @networks, 'disks' => @disks, 'synced_folders' => @synced_folders)
  end
end

# The object Vagrant.configure yields (and config.vm.define, and a provider's override).
class ConfigRecorder < Recorder
  def vm
    @vm ||= VmRecorder.new
  end

  def to_h
    super.merge('vm' => vm.to_h)
  end
end

module Vagrant
  @configs = []

  class << self
    attr_reader :configs

    def configure(version)
      config = ConfigRecorder.new
      yield config
      @configs << { 'version' => version, 'config' => config.to_h }
    end
  end
end

ARGV.each do |file|
  pid = fork do
    ENV.delete('VAGRANT_EXPERIMENTAL')
    Kernel.load(File.expand_path(file))
    result = { 'experimental' => ENV['VAGRANT_EXPERIMENTAL'], 'configures' => Vagrant.configs }
    File.write("#{file}.json", JSON.generate(result))
  end
  Process.wait(pid)
  abort("fake_vagrant.rb: #{file} failed to load") unless $?.success?
end
